print("LangBench: no benchmark yet")
