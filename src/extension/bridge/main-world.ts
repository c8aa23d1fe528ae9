// bridge stub
