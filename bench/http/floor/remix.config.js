// The framework floor (see ../README.md): the smallest Remix app, built with Harbor's compiler
// settings into this folder.
import harbor from "../../../remix.config.js";

/** @type {import('@remix-run/dev').AppConfig} */
export default { serverModuleFormat: harbor.serverModuleFormat, future: harbor.future };
