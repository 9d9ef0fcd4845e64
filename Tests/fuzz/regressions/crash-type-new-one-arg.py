# type.__new__(type, '') made an object-sized 'class' whose attribute lookup read past it (SIGSEGV
# in findAttr); metaclasses derived from type crashed the same way. Fuzz seed 31, input 495980.
try:r=type(type).__new__(type,'')
except:s
try:''.t((''*{'':1}))
except Exception:s=getattr(r,'')
