/** English UI text of `archive.*`. Spanish (es-archive.ts) has the same keys: the type checks it. */
const enArchive = {
  section: "Archive or delete",
  archive: "Archive",
  restore: "Restore",
  delete: "Delete",
  bannerBy: "Archived on {{date}} by {{name}}: hidden from lists and pickers; what uses it keeps working.",
  banner: "Archived on {{date}}: hidden from lists and pickers; what uses it keeps working.",
  showArchived: "Show archived",
  badge: "Archived",
  deleteBlocked: "It cannot be deleted while something uses it:",
  deleteForGood: "Delete for good",
  deleteRefused: "It is in use now, so it was not deleted: archive it instead.",
  role: {
    intro:
      "Archive a role made by mistake or no longer hired for: it leaves the library's list and every picker, and can be restored. A role nothing uses can be deleted.",
    archiveTitle: "Archive the role {{name}}?",
    archiveLost:
      "It leaves the role library's list and the pickers for new kits and candidates. Kits, assessments and rankings that use it keep working, and Restore brings it back.",
    confirmArchive: "Archive the role",
    deleteTitle: "Delete the role {{name}} for good?",
    deleteLost: "The role, its ideal profile, questions, transitions and skills matrix are deleted and cannot be recovered.",
    uses: {
      kits_one: "{{count}} interview kit",
      kits_other: "{{count}} interview kits",
      candidates_one: "{{count}} candidate applying for it",
      candidates_other: "{{count}} candidates applying for it",
      candidatesOrMore_other: "{{count}} or more candidates applying for it",
      results_one: "{{count}} assessment result ranked for it",
      results_other: "{{count}} assessment results ranked for it",
      resultsOrMore_other: "{{count}} or more assessment results ranked for it",
      links_one: "{{count}} career transition or similar role of another role",
      links_other: "{{count}} career transitions or similar roles of other roles",
      skills_one: "{{count}} skill profile expectation",
      skills_other: "{{count}} skill profile expectations",
    },
  },
};

export default enArchive;
