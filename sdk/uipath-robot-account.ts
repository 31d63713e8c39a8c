// PLACEHOLDER: replaced by the UiPathRobotAccount resource class.
export {};
