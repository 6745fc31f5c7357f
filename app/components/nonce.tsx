import { createContext, useContext } from "react";

/** The CSP nonce of the current response, for the few inline scripts Remix writes. */
export const NonceContext = createContext<string | undefined>(undefined);
export const useNonce = () => useContext(NonceContext);
