import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");
/** Scratch space for test databases and servers (git-ignored). */
export const tmpDir = path.join(root, "tests/.tmp");
