a = [!true, !false]
