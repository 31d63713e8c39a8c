// PLACEHOLDER: replaced by the ControlRoomUser resource class.
export {};
