import type enRoleImport from "./en-role-import";

/** Textos de la interfaz de `roleImport.*`, en español. */
const esRoleImport: typeof enRoleImport = {
  title: "Importar un rol",
  intro: "Suba un archivo de rol exportado de Traitkit (formato traitkit.role/v1). Un archivo con errores no cambia nada.",
  file: "Archivo de rol (JSON)",
  fileHint: "Generado con Exportar en la página de un rol, en esta u otra instalación de Traitkit.",
  replace: "Reemplazar el rol con el mismo slug si existe",
  submit: "Importar",
  failed_one: "El archivo no se importó: {{count}} error.",
  failed_other: "El archivo no se importó: {{count}} errores.",
  tooLarge: "El archivo pesa más de 2 MB: un archivo de rol es mucho menor. Elija el archivo que generó Exportar.",
  notMultipart: 'Envíe el archivo como formulario (multipart/form-data, campo "file").',
  noFile: "Elija un archivo.",
  nulCharacter: "El archivo contiene un carácter NUL (U+0000), que ningún texto de un rol puede llevar.",
  emptyFile: "El archivo está vacío.",
  notJsonAt: "No es un archivo JSON válido: el error está en la línea {{line}}, columna {{column}}.",
  slugTaken: 'Ya existe un rol con este slug: marque "reemplazar" para sobrescribirlo.',
  required: "Falta: el formato de rol necesita este campo.",
  wrongType: "Debería ser {{expected}}.",
  types: {
    string: "un texto",
    number: "un número",
    int: "un número entero",
    boolean: "true o false",
    object: "un objeto ({ … })",
    array: "una lista ([ … ])",
    null: "null",
  },
  unknownKeys: "No forma parte del formato de rol: {{keys}}. Revise la ortografía.",
  oneOf: "Debe ser uno de estos valores: {{values}}.",
  invalid: "Este valor no es válido aquí.",
  imported: "Rol importado.",
  replaced: "Rol reemplazado por el archivo importado.",
};

export default esRoleImport;
