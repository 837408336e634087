// Secrets the server derives keys from; tests get fixed ones when the environment has none.
process.env.AUTH_SECRET ??= "test-auth-secret-not-for-production";
