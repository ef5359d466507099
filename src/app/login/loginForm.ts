import { z } from 'zod';

/** The sign-in form. Messages are `validation.*` codes, translated where they are shown. */
export const loginFormSchema = z.object({
  dealer: z.string().trim().min(1, { message: 'required' }).max(40, { message: 'too_big' }),
  username: z.string().trim().min(1, { message: 'required' }).max(80, { message: 'too_big' }),
  password: z.string().min(1, { message: 'required' }).max(200, { message: 'too_big' }),
});

export type LoginFormValues = z.infer<typeof loginFormSchema>;

export const LOGIN_FIELDS = ['dealer', 'username', 'password'] as const;
