print("EngineBench: no benchmark yet")
