import type enRoles from "./en-roles";

/** Textos de la interfaz de `roles.*`, en español. */
const esRoles: typeof enRoles = {
  newRole: "Nuevo rol",
  title: "Biblioteca de roles",
  intro: "Perfiles de rol con su perfil OCEAN+ ideal, preguntas de entrevista y transiciones de carrera.",
  search: "Buscar por nombre o familia",
  searchButton: "Buscar",
  filter: "Perfil ideal",
  filterAll: "Todos los roles",
  filterWith: "Con perfil ideal",
  filterWithout: "Todavía sin perfil ideal",
  count_one: "{{count}} rol",
  count_other: "{{count}} roles",
  none: "Ningún rol coincide con la búsqueda.",
  emptyLibrary: "Todavía no hay roles: cree uno, importe uno o agregue la biblioteca de Traitkit.",
  addLibrary: "Agregar la biblioteca de Traitkit",
  addLibraryHint:
    "Los roles, matrices de habilidades y perfiles de habilidades de los documentos publicados. No cambia nada suyo, y puede editar o borrar cualquiera de ellos después.",
  emptyLibraryReader: "Todavía no hay roles: un reclutador los crea, los importa o agrega la biblioteca de Traitkit.",
  columns: { name: "Rol", family: "Familia", profile: "Perfil ideal", questions: "Preguntas", transitions: "Transiciones" },
  hasProfile: "Sí",
  noProfile: "Todavía no",
};

export default esRoles;
