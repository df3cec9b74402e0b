import { z } from "zod";
import { handleSchema } from "./accounts";

export const createWorkspaceSchema = z
  .object({
    name: z.string({ error: "Name the workspace." }).trim().min(1, "Name the workspace.").max(120, "Names are at most 120 characters."),
    sessionType: z.enum(["dm", "group"], { error: "Choose dm or group." }),
    invite: z.array(handleSchema).max(49, "Invite at most 49 people at once.").default([]),
  })
  .superRefine((value, ctx) => {
    if (value.sessionType === "dm" && new Set(value.invite).size !== 1) {
      ctx.addIssue({ code: "custom", path: ["invite"], message: "A direct session has exactly two people: invite one person." });
    }
  });

export const roomTokenSchema = z.object({
  mode: z.enum(["edit", "spectate"], { error: "Mode is edit or spectate." }).default("edit"),
});

export const inviteSchema = z.object({ handle: handleSchema });

export const finalArtworkSchema = z.object({
  title: z
    .string({ error: "Give the artwork a title." })
    .transform((text) => text.replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1, "Give the artwork a title.").max(200, "Titles are at most 200 characters.")),
});

/** `?limit=&cursor=` of the transcript list; the cursor is the last message's position. */
export const transcriptQuerySchema = z.object({
  limit: z.coerce.number({ error: "limit is a number from 1 to 100." }).int("limit is a whole number.").min(1, "limit is at least 1.").max(100, "limit is at most 100.").default(20),
  cursor: z
    .string()
    .regex(/^\d{1,9}$/, "Not a valid cursor.")
    .transform(Number)
    .optional(),
});

export type CreateWorkspaceInput = z.infer<typeof createWorkspaceSchema>;
