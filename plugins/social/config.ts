/**
 * The `share` section of site.config.ts: which buttons go under each post,
 * in which order.
 */
import { z } from "zod";
import type { Messages } from "../i18n/index.ts";
import { quoted } from "../config/fields.ts";
import { SHARE_NETWORKS, type ShareNetwork } from "./networks.ts";

/**
 * The buttons under each post, in this order: "linkedin", "x", "facebook",
 * "bluesky", "mastodon", "whatsapp", "email", "copy" (copies the address)
 * and "native" (the phone's own share menu). Default: all of them, in
 * that order. `[]` removes the share block.
 */
export type ShareConfig = ShareNetwork[];

export function shareSchema(m: Messages) {
  const names = quoted(SHARE_NETWORKS, m);
  const oneOf = m.format(m.t.problems.oneOf, { names });
  return z
    .array(z.unknown(), { error: m.format(m.t.config.share, { names }) })
    .transform((share, ctx): ShareNetwork[] => {
      // Unknown and repeated buttons are checked in one pass, so that every problem is listed at once.
      share.forEach((network, i) => {
        if (!SHARE_NETWORKS.includes(network as ShareNetwork))
          ctx.addIssue({ code: "custom", path: [i], message: oneOf });
        else if (share.indexOf(network) !== i)
          ctx.addIssue({ code: "custom", path: [i], message: m.t.config.shareOnce });
      });
      return share as ShareNetwork[];
    })
    .default(() => [...SHARE_NETWORKS]);
}
