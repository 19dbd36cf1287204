import type enSkills from "./en-skills";

/** Textos de la interfaz de `skills.*`, en español. */
const esSkills: typeof enSkills = {
  title: "Perfiles de habilidad",
  intro: "Qué espera cada rol de una habilidad en cada nivel, y si es obligatoria.",
  empty:
    "Todavía no hay perfiles de habilidades: llegan con la biblioteca de Traitkit, que un reclutador agrega desde la biblioteca de roles.",
  domain: "Dominio",
  group: "Grupo",
  roles: "Roles",
  levels: "Niveles",
  mandatoryCount: "Obligatorias",
  updated: "Última actualización",
  counts: "{{roles}} roles, {{mandatory}} expectativas obligatorias y {{optional}} opcionales (contadas a partir de los datos).",
  columns: { role: "Rol", mandatory: "Obligatorio", description: "Expectativa" },
  yes: "Obligatorio",
  no: "Opcional",
  sources: "Documentos de origen",
};

export default esSkills;
