// PLACEHOLDER: replaced by the UptrendsApiAccount resource class.
export {};
