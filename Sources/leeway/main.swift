print("leeway")
