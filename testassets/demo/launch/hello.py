print("hello from the hello layer")
