/** Shared by the sign-up form, its schema and Better Auth's configuration. */
export const PASSWORD_MIN = 10;
