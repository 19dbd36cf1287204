import type enInvite from "./en-invite";

/** Textos de la interfaz de `invite.*`, en español. */
const esInvite: typeof enInvite = {
  title: "Únase a Traitkit",
  intro: "Recibió una invitación a Traitkit como {{role}} con la dirección {{email}}. Elija su nombre y una contraseña.",
  name: "Su nombre",
  password: "Contraseña",
  passwordHint: "Al menos {{min}} caracteres. Una frase de varias palabras es fácil de recordar y difícil de adivinar.",
  confirmPassword: "Repita la contraseña",
  submit: "Crear mi cuenta",
  invalidTitle: "Este enlace de invitación no funciona",
  invalidBody: "Ya se usó, venció o está mal copiado. Pida un enlace nuevo al reclutador que le envió la invitación.",
};

export default esInvite;
