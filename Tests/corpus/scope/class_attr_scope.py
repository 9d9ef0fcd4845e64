# instance, class and global names with the same spelling
name = 'global'
class A:
    name = 'class'
    def __init__(self, use_instance):
        if use_instance:
            self.name = 'instance'
    def get(self):
        return self.name
    def get_global(self):
        return name
    @classmethod
    def get_class(cls):
        return cls.name
print(A(True).get(), A(False).get())
print(A(True).get_global(), A.get_class())
a = A(True)
del a.name
print(a.get())
A.name = 'class changed'
print(A(False).get(), a.get(), name)
class B(A):
    pass
print(B(False).get(), B.get_class())
B.name = 'B class'
print(B(False).get(), A(False).get())
