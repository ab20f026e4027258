replicas = 9
