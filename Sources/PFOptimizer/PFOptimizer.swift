/// The sweep and walk-forward layer.
