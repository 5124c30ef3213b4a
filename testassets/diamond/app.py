print("diamond app launched")
