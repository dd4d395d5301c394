print("pfopt")
