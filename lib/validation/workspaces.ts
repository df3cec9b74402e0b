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

export type CreateWorkspaceInput = z.infer<typeof createWorkspaceSchema>;
