// STUB: replaced by the Git layer implementation.
