// fires: this file is saved as Latin-1, so the accented strings below are not valid UTF-8
export const GREETING = "Café crème";
export const SEPARATOR = "»";
