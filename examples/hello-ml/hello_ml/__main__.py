from hello_ml import greeting

print(greeting())
