print("SweepBench: no benchmark yet")
