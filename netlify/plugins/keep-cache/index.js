/**
 * Netlify starts every build from a fresh clone, so the comment snapshot in
 * .cache/comments/ would be lost and every build would ask GitHub for every
 * thread again. This plugin hands .cache/ to Netlify's build cache after a
 * build and brings it back before the next one.
 * https://docs.netlify.com/integrations/build-plugins/create-plugins/#cache
 */
const CACHE = ".cache";

module.exports = {
  async onPreBuild({ utils }) {
    const restored = await utils.cache.restore(CACHE);
    console.log(restored ? `Restored ${CACHE}/ from the previous build.` : `No ${CACHE}/ from an earlier build yet.`);
  },
  async onPostBuild({ utils }) {
    const saved = await utils.cache.save(CACHE);
    console.log(saved ? `Saved ${CACHE}/ for the next build.` : `Nothing in ${CACHE}/ to keep.`);
  },
};
