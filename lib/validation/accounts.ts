import { z } from "zod";

export const handleSchema = z
  .string({ error: "Choose a handle." })
  .trim()
  .toLowerCase()
  .min(3, "Handles are at least 3 characters.")
  .max(30, "Handles are at most 30 characters.")
  .regex(/^[a-z0-9_-]+$/, "Use only letters a-z, digits, _ and -.");

export const profileKindSchema = z.enum(["creator", "diffuser"], {
  error: "Choose creator or diffuser.",
});

export const signUpSchema = z.object({
  email: z
    .string({ error: "Enter your email." })
    .trim()
    .toLowerCase()
    .max(254, "Emails are at most 254 characters.")
    .pipe(z.email("Enter a valid email address.")),
  password: z
    .string({ error: "Choose a password." })
    .min(8, "Passwords are at least 8 characters.")
    .max(128, "Passwords are at most 128 characters."),
  handle: handleSchema,
  displayName: z
    .string({ error: "Enter the name people will see." })
    .trim()
    .min(1, "Enter the name people will see.")
    .max(80, "Names are at most 80 characters."),
  kind: profileKindSchema,
});

export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(128),
});
