/// Generated complex-step code imports only ADGenRuntime: `Complex` comes with it.
@_exported import ComplexModule
