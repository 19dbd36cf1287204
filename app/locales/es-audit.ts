import type enAudit from "./en-audit";

/** Textos de la interfaz de `audit.*`, en español. */
const esAudit: typeof enAudit = {
  title: "Registro de auditoría",
  intro: "Quién hizo qué, cuándo y sobre qué registro. El registro guarda ids, nunca datos personales.",
  columns: { at: "Cuándo", actor: "Quién", action: "Qué", record: "Registro", details: "Detalles" },
  actions: {
    user: {
      sign_in: "Inició sesión",
      sign_out: "Cerró sesión",
      invite: "Generó un enlace de invitación",
      invite_accept: "Aceptó una invitación",
      invite_cancel: "Canceló una invitación",
      role_change: "Cambió el rol de un usuario",
      deactivate: "Desactivó a un usuario",
      reactivate: "Reactivó a un usuario",
      create: "Creó una cuenta (línea de comandos)",
    },
    role: {
      create: "Creó un rol",
      update: "Editó un rol",
      import: "Importó un rol",
      export: "Exportó un rol",
      archive: "Archivó un rol",
      restore: "Restauró un rol archivado",
      delete: "Eliminó un rol",
      library_add: "Agregó la biblioteca de Traitkit",
    },
    kit: {
      create: "Creó un kit",
      update: "Editó un kit (misma versión)",
      version: "Guardó una nueva versión de un kit",
      archive: "Archivó un kit",
      restore: "Restauró un kit archivado",
      delete: "Eliminó un kit",
    },
    candidate: {
      create: "Agregó un candidato",
      update: "Editó un candidato",
      export: "Exportó los datos de un candidato",
      erase: "Borró un candidato",
    },
    assessment: {
      create: "Creó una evaluación",
      interviewer_add: "Agregó un entrevistador",
      interviewer_remove: "Quitó un entrevistador",
    },
    scorecard: { save: "Guardó una scorecard", submit: "Envió una scorecard", reopen: "Reabrió una scorecard" },
    decision: { record: "Registró una decisión" },
    ranking: { export: "Descargó una clasificación (CSV)" },
    report: { publish: "Publicó un informe para el candidato", revoke: "Revocó un enlace de informe" },
  },
  system: "sistema",
  entities: {
    user: "usuario",
    invite: "invitación",
    role: "rol",
    kit: "kit",
    candidate: "candidato",
    assessment: "evaluación",
    scorecard: "scorecard",
    decision: "decisión",
    report: "enlace de informe",
  },
  older: "Entradas anteriores",
  empty: "Todavía no hay nada registrado.",
};

export default esAudit;
