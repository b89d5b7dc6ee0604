// RecurWire: A small safe Swift layer over libzmq.
// (Module placeholder until its first types land; see DESIGN.md.)
