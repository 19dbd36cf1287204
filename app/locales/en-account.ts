/** English UI text of `account.*` (/settings/account). Spanish (es-account.ts) has the same keys: the type checks it. */
const enAccount = {
  title: "Your account",
  intro: "Signed in as {{email}}. Your name is what colleagues see on panels and decisions.",
  profile: "Name and language",
  name: "Your name",
  language: "Language",
  languageHint: "Of these pages and of the e-mail Traitkit sends you.",
  languages: { en: "English", es: "Español", "zh-CN": "简体中文" },
  mail: "E-mail",
  mailIntro: "You always get the e-mail that gives you work: being added to an interview panel. These you may turn off:",
  mailOff: "E-mail is not set up on this server: Traitkit sends nothing for now, but your choices are kept for when it is.",
  mailReminders: "Reminders of my overdue scorecards",
  mailAllIn: "“All scorecards are in” for the assessments I made (recruiters)",
  save: "Save",
  saved: "Saved.",
  password: "Password",
  currentPassword: "Current password",
  newPassword: "New password",
  newPasswordHint: "At least {{min}} characters. Changing it signs you out everywhere else.",
  confirmPassword: "Repeat the new password",
  changePassword: "Change password",
  passwordChanged: "Password changed. Every other session of yours has ended.",
};

export default enAccount;
