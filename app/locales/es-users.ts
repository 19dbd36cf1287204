import type enUsers from "./en-users";

/** Textos de la interfaz de `users.*`, en español. */
const esUsers: typeof enUsers = {
  title: "Usuarios",
  intro:
    "Los reclutadores mantienen la biblioteca de roles y ven todo; los entrevistadores ven solo las evaluaciones que tienen asignadas.",
  columns: { name: "Nombre", email: "Correo electrónico", role: "Rol", status: "Estado", actions: "Acciones" },
  active: "Activo",
  deactivated: "Desactivado",
  you: "usted",
  changeRole: "Cambiar rol",
  roleFor: "Rol de {{name}}",
  save: "Guardar",
  deactivate: "Desactivar",
  reactivate: "Reactivar",
  inviteTitle: "Invitar a un colega",
  inviteIntro: "Traitkit genera un enlace para copiar y enviar. Funciona una vez y vence en 7 días.",
  email: "Correo electrónico",
  role: "Rol",
  sendInvite: "Generar enlace de invitación",
  inviteReady: "Enlace de invitación para {{email}}: cópielo y envíelo. Solo se muestra ahora.",
  inviteLink: "Enlace de invitación",
  copy: "Copiar",
  copied: "Copiado",
  pendingTitle: "Invitaciones abiertas",
  pendingColumns: { email: "Correo electrónico", role: "Rol", expires: "Vence", invitedBy: "Invitado por", actions: "Acciones" },
  cancelInvite: "Cancelar invitación",
  cancelInviteFor: "Cancelar la invitación para {{email}}",
  inviteCancelled: "Invitación cancelada: su enlace ya no funciona.",
  confirmCancelInvite: {
    title: "¿Cancelar la invitación para {{email}}?",
    lost: "Su enlace deja de funcionar de inmediato y no se puede reactivar: para que se una, cree una invitación nueva.",
    confirm: "Cancelar la invitación",
  },
  noPending: "No hay invitaciones abiertas.",
  emailInUse: "Ya existe una cuenta con este correo electrónico",
  lastRecruiter: "Traitkit necesita al menos un reclutador activo",
  notYourself: "No puede cambiar su propio rol ni desactivarse",
  roleChanged: "Rol cambiado. Las sesiones de esa persona terminaron; los nuevos permisos se aplican desde su próximo inicio de sesión.",
  deactivatedDone: "Desactivado: las sesiones de esa persona terminaron de inmediato. Sus scorecards se conservan.",
  reactivatedDone: "Reactivado.",
};

export default esUsers;
