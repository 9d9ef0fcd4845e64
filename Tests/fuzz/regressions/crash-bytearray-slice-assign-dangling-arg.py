try:r=bytearray()
except:s
try:s=exec('r[:]=[]')
except:s