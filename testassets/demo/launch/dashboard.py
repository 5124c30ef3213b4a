print("dashboard: web and science frameworks on sys.path")
