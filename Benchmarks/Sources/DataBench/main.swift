print("DataBench: no benchmark yet")
