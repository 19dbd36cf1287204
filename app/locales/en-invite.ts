/** English UI text of `invite.*`. Spanish (es-invite.ts) has the same keys: the type checks it. */
const enInvite = {
  title: "Join Traitkit",
  intro: "You were invited to Traitkit as {{role}} with the address {{email}}. Choose your name and a password.",
  name: "Your name",
  password: "Password",
  passwordHint: "At least {{min}} characters. A passphrase of several words is easy to remember and hard to guess.",
  confirmPassword: "Repeat the password",
  submit: "Create my account",
  invalidTitle: "This invite link does not work",
  invalidBody: "It was already used, it expired, or it was mistyped. Ask the recruiter who invited you for a new link.",
};

export default enInvite;
