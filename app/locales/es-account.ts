import type enAccount from "./en-account";

/** Texto en español de `account.*` (/settings/account). */
const esAccount: typeof enAccount = {
  title: "Su cuenta",
  intro: "Sesión iniciada como {{email}}. Su nombre es lo que ven sus colegas en los paneles y las decisiones.",
  profile: "Nombre e idioma",
  name: "Su nombre",
  language: "Idioma",
  languageHint: "De estas páginas y de los correos que Traitkit le envía.",
  languages: { en: "English", es: "Español", "zh-CN": "简体中文" },
  mail: "Correo",
  mailIntro: "Siempre recibe el correo que le da trabajo: que le agregaron a un panel de entrevista. Estos puede desactivarlos:",
  mailOff:
    "El correo no está configurado en este servidor: por ahora Traitkit no envía nada, pero sus preferencias se guardan para cuando lo esté.",
  mailReminders: "Recordatorios de mis scorecards vencidas",
  mailAllIn: "«Todas las scorecards están enviadas» de las evaluaciones que creé (reclutadores)",
  save: "Guardar",
  saved: "Guardado.",
  password: "Contraseña",
  currentPassword: "Contraseña actual",
  newPassword: "Contraseña nueva",
  newPasswordHint: "Al menos {{min}} caracteres. Al cambiarla se cierran sus demás sesiones.",
  confirmPassword: "Repita la contraseña nueva",
  changePassword: "Cambiar la contraseña",
  passwordChanged: "Contraseña cambiada. Todas sus demás sesiones se cerraron.",
};

export default esAccount;
