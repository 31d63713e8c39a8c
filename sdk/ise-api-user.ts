// PLACEHOLDER: replaced by the IseApiUser resource class.
export {};
