// Every file of this target sees the shared test support.
@_exported import PFTestSupport
