// PLACEHOLDER: replaced by the VerifyApiClient resource class.
export {};
