/**
 * The `share` section of site.config.ts: which buttons go under each post,
 * in which order.
 */
import { z } from "zod";
import { SHARE_NETWORKS, type ShareNetwork } from "./networks.ts";

const ONE_OF = `one of ${SHARE_NETWORKS.map((n) => `"${n}"`).join(", ")}`;

/**
 * The buttons under each post, in this order: "linkedin", "x", "facebook",
 * "bluesky", "mastodon", "whatsapp", "email", "copy" (copies the address)
 * and "native" (the phone's own share menu). Default: all of them, in
 * that order. `[]` removes the share block.
 */
export type ShareConfig = ShareNetwork[];

export const shareSchema = z
  .array(z.unknown(), {
    error: `a list of buttons among ${SHARE_NETWORKS.map((n) => `"${n}"`).join(", ")}`,
  })
  .transform((share, ctx): ShareNetwork[] => {
    // Unknown and repeated buttons are checked in one pass, so that every problem is listed at once.
    share.forEach((network, i) => {
      if (!SHARE_NETWORKS.includes(network as ShareNetwork))
        ctx.addIssue({ code: "custom", path: [i], message: ONE_OF });
      else if (share.indexOf(network) !== i) ctx.addIssue({ code: "custom", path: [i], message: "each button once" });
    });
    return share as ShareNetwork[];
  })
  .default(() => [...SHARE_NETWORKS]);
