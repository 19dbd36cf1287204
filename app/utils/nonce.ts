import { createContext, useContext } from "react";

/** The CSP nonce of this response, put on every script Remix renders. */
export const NonceContext = createContext<string>("");
export const useNonce = () => useContext(NonceContext);
