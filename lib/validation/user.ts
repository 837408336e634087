import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

export const userCreateInput = z.object({
  email: z.string().trim().toLowerCase().email("email").max(320),
  name: z.string().trim().min(1, "required").max(200),
  role: z.enum(ROLES, { message: "required" }),
  password: z.string().min(12, "passwordLength").max(200),
});

export const userUpdateInput = z.object({
  id: z.uuid(),
  expectedVersion: z.coerce.number().int().positive(),
  name: z.string().trim().min(1, "required").max(200),
  role: z.enum(ROLES, { message: "required" }),
  active: z.boolean(),
});
