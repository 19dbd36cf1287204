import { describe, expect, it } from "vitest";
import { roleChoiceLabel, sameRoleName } from "./role-names";

describe("sameRoleName", () => {
  it("takes names that differ only in case and spacing for one", () => {
    expect(sameRoleName("MLOps  Engineer ", "mlops engineer")).toBe(true);
    expect(sameRoleName("MLOps Engineer", "ML Engineer")).toBe(false);
  });
});

describe("roleChoiceLabel", () => {
  const roles = [
    { slug: "mlops-engineer", name: "MLOps Engineer" },
    { slug: "mlops-engineer-2", name: "mlops engineer" },
    { slug: "data-scientist", name: "Data Scientist" },
  ];

  it("adds the slug only to roles whose name another role of the list shares", () => {
    expect(roles.map((role) => roleChoiceLabel(role, roles))).toEqual([
      "MLOps Engineer (mlops-engineer)",
      "mlops engineer (mlops-engineer-2)",
      "Data Scientist",
    ]);
  });
});
