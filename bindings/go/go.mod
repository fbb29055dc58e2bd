module example.invalid/jwtmint/bindings/go

go 1.19
